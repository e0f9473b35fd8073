package io.etl.scheduler;

import io.etl.event.RunEvent;
import io.etl.event.RunListener;
import io.etl.lock.AlreadyRunningException;
import io.etl.lock.LockOwner;
import io.etl.lock.RunLock;
import io.etl.task.Failures;
import io.etl.task.RetryPolicy;
import io.etl.task.Task;
import io.etl.task.TaskGroup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plans and runs a task with its requirements: one run at a time per lock (when given a lock directory; the root's
 * {@link Task#lockNames()}, or each member's of a {@link TaskGroup}), incomplete tasks on {@code workers} threads, failures retried by policy, and a {@link RunSummary} at the end.
 */
public final class Scheduler {

    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final int workers;
    private final int completenessChecks;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Listeners listeners;
    private final Optional<Path> lockDirectory;
    private final String command;
    private volatile Execution current;
    private volatile boolean cancelled;

    private Scheduler(Builder builder) {
        this.workers = builder.workers;
        this.completenessChecks = builder.completenessChecks;
        this.retryPolicy = builder.retryPolicy;
        this.clock = builder.clock;
        this.listeners = new Listeners(builder.listeners);
        this.lockDirectory = builder.lockDirectory;
        this.command = builder.command;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The plan of a run, without running anything (for {@code --dry-run} and graphs). */
    public Plan plan(Task root) {
        ExecutorService checkers = newPool(completenessChecks, "etl-check");
        try {
            return new Planner(checkers, completenessChecks).plan(root);
        } finally {
            checkers.shutdownNow();
        }
    }

    /**
     * Runs the root and whatever it needs that is not complete.
     *
     * @throws io.etl.lock.AlreadyRunningException if another run holds one of the root's locks ({@link Task#lockNames()}); a
     *                                              group's members locked elsewhere are skipped instead
     * @throws CycleException                       if the requirements loop; nothing is run
     */
    public RunSummary run(Task root) {
        if (lockDirectory.isEmpty()) {
            return runLocked(root, Optional.empty(), List.of());
        }
        if (root instanceof TaskGroup group) {
            return runGroup(group);
        }
        Map<String, RunLock> held = new LinkedHashMap<>();
        try {
            root.lockNames().forEach(name -> hold(held, name));
            return runLocked(root, tookOver(held), List.of());
        } finally {
            held.values().forEach(RunLock::close);
        }
    }

    /**
     * Each member under its own lock: a member whose lock another run holds is left to that run and reported as
     * {@link TaskState#LOCKED_OUT}; the others run as one graph.
     */
    private RunSummary runGroup(TaskGroup group) {
        Map<String, RunLock> held = new LinkedHashMap<>();
        List<Task> kept = new ArrayList<>();
        List<TaskOutcome> lockedOut = new ArrayList<>();
        try {
            for (Task member : group.members()) {
                try {
                    // members that share a lock share the one this run holds
                    member.lockNames().forEach(name -> hold(held, name));
                    kept.add(member);
                } catch (AlreadyRunningException running) {
                    lockedOut.add(TaskOutcome.lockedOut(member, running.owner()));
                }
            }
            return runLocked(group.only(kept), tookOver(held), lockedOut);
        } finally {
            held.values().forEach(RunLock::close);
        }
    }

    /** @throws AlreadyRunningException if another run holds it */
    private void hold(Map<String, RunLock> held, String name) {
        held.computeIfAbsent(name, n -> RunLock.acquire(lockDirectory.orElseThrow(), n, owner()));
    }

    private static Optional<LockOwner> tookOver(Map<String, RunLock> held) {
        return held.values().stream().flatMap(lock -> lock.takenOverFrom().stream()).findFirst();
    }

    private LockOwner owner() {
        return LockOwner.currentProcess(clock, command);
    }

    private RunSummary runLocked(Task root, Optional<LockOwner> tookOverLockFrom, List<TaskOutcome> lockedOut) {
        var startedAt = clock.instant();
        String runId = RUN_ID_TIME.format(startedAt) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        listeners.onEvent(new RunEvent.RunOpened(runId, startedAt, root));
        Plan plan = planOrAbort(root, runId);
        listeners.onEvent(new RunEvent.RunStarted(runId, startedAt, root, plan, workers, tookOverLockFrom));
        Execution execution = new Execution(plan, runId, workers, retryPolicy, clock, listeners);
        current = execution;
        List<TaskOutcome> outcomes;
        try {
            if (cancelled) {
                execution.cancel();
            }
            outcomes = execution.execute();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            execution.cancel();
            throw new SchedulingException("interrupted", e);
        } finally {
            current = null;
        }
        List<TaskOutcome> all = new ArrayList<>(outcomes);
        all.addAll(lockedOut);
        RunSummary summary = new RunSummary(runId, root, status(root, plan, outcomes, !lockedOut.isEmpty()), startedAt,
                clock.instant(), workers, all);
        listeners.onEvent(new RunEvent.RunFinished(runId, summary.finishedAt(), summary));
        return summary;
    }

    /**
     * Plans, and plans again by the run's retry policy while a task cannot say what it needs for a reason another
     * attempt may fix (a warehouse that does not answer yet); the last plan is the run's, broken or not.
     */
    private Plan planWithRetries(Task root, String runId) {
        Plan plan = plan(root);
        for (int attempt = 1; !cancelled && retryPolicy.allowsAnotherAttempt(attempt); attempt++) {
            Optional<Throwable> problem = retryableProblem(plan);
            if (problem.isEmpty()) {
                break;
            }
            Duration wait = retryPolicy.delayBefore(attempt + 1);
            listeners.onEvent(new RunEvent.PlanFailed(runId, clock.instant(), root, attempt, problem.get(), wait));
            sleepUnlessCancelled(wait);
            plan = plan(root);
        }
        return plan;
    }

    private static Optional<Throwable> retryableProblem(Plan plan) {
        return plan.tasks().stream().filter(task -> plan.status(task) == Plan.Status.BROKEN)
                .flatMap(task -> plan.problem(task).stream())
                .filter(problem -> !Failures.isPermanent(problem))
                .findFirst();
    }

    /** A short wait at a time, so that Ctrl-C or a Jenkins abort is not kept waiting for the whole backoff. */
    private void sleepUnlessCancelled(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (!cancelled && System.nanoTime() < deadline) {
                Thread.sleep(Math.max(1, Math.min(100, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedulingException("interrupted", e);
        }
    }

    /** The plan; or, when planning throws (a cycle), the event that records the run as stopped, then the exception. */
    private Plan planOrAbort(Task root, String runId) {
        try {
            return planWithRetries(root, runId);
        } catch (RuntimeException e) {
            listeners.onEvent(new RunEvent.PlanAborted(runId, clock.instant(), root, e));
            throw e;
        }
    }

    /** Stops the run in progress (Ctrl-C, a Jenkins abort): no new task starts and running ones are interrupted. */
    public void cancel() {
        cancelled = true;
        Execution execution = current;
        if (execution != null) {
            execution.cancel();
        }
    }

    private RunStatus status(Task root, Plan plan, List<TaskOutcome> outcomes, boolean someLockedOut) {
        boolean rootComplete = outcomes.stream().anyMatch(o -> o.task().equals(root) && o.state().complete());
        if (cancelled) {
            return RunStatus.INTERRUPTED;
        }
        if (rootComplete) {
            return someLockedOut ? RunStatus.LOCKED_OUT : RunStatus.SUCCESS;
        }
        boolean misconfigured = plan.tasks().stream().flatMap(task -> plan.problem(task).stream())
                .anyMatch(problem -> Failures.setting(problem).isPresent());
        if (misconfigured) {
            return RunStatus.CONFIGURATION_ERROR;
        }
        boolean unplannable = plan.count(Plan.Status.MISSING_INPUT) > 0 || plan.count(Plan.Status.BROKEN) > 0;
        return unplannable ? RunStatus.SCHEDULING_ERROR : RunStatus.FAILED;
    }

    private static ExecutorService newPool(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(threads, factory);
    }

    public static final class Builder {
        private int workers = 1;
        private int completenessChecks = 8;
        private RetryPolicy retryPolicy = RetryPolicy.noRetries();
        private Clock clock = Clock.systemUTC();
        private final List<RunListener> listeners = new ArrayList<>();
        private Optional<Path> lockDirectory = Optional.empty();
        private String command = "";

        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, got " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** How many completeness checks run at once while planning (they are I/O: S3, databases). */
        public Builder completenessChecks(int threads) {
            this.completenessChecks = Math.max(1, threads);
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder listener(RunListener listener) {
            listeners.add(listener);
            return this;
        }

        /** Hold the root's locks ({@link Task#lockNames()}) in this directory for the whole run. */
        public Builder lockDirectory(Path directory, String command) {
            this.lockDirectory = Optional.of(directory);
            this.command = command;
            return this;
        }

        public Scheduler build() {
            return new Scheduler(this);
        }
    }
}
