package io.etl.scheduler;

import io.etl.event.RunEvent;
import io.etl.event.RunListener;
import io.etl.targets.Target;
import io.etl.task.Failures;
import io.etl.task.RetryPolicy;
import io.etl.task.Task;
import io.etl.task.TaskId;
import io.etl.task.WrapperTask;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the pending tasks of a plan on a pool of workers. One coordinator thread owns all the state: it starts a
 * task once its requirements are done, hears back from the workers through a queue, schedules retries, and marks
 * the dependents of a final failure as upstream-failed while every independent branch goes on.
 */
final class Execution {

    sealed interface Message {
    }

    record Finished(Task task, Duration duration, Throwable error, Map<String, Long> metrics) implements Message {
    }

    record Progressed(Task task, String step, long done, long total) implements Message {
    }

    record Wakeup() implements Message {
    }

    private static final Duration DRAIN_AFTER_CANCEL = Duration.ofSeconds(10);

    private final Plan plan;
    private final String runId;
    private final int workers;
    private final RetryPolicy defaultRetries;
    private final Clock clock;
    private final RunListener listeners;
    private final ExecutorService pool;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private final Map<Task, Progress> progress = new HashMap<>();
    private final PriorityQueue<Progress> ready = new PriorityQueue<>(
            Comparator.comparingInt((Progress p) -> -p.task.priority()).thenComparingLong(p -> p.sequence));
    private final PriorityQueue<Progress> retries = new PriorityQueue<>(Comparator.comparingLong(p -> p.retryAtNanos));
    private volatile boolean cancelled;
    private int inFlight;
    private int unresolved;

    /** Where one pending task stands. */
    private static final class Progress {
        final Task task;
        final long sequence;
        int waitingFor;
        int attempts;
        boolean running;
        Duration spent = Duration.ZERO;
        Instant startedAt;
        long retryAtNanos;
        String error;
        Map<String, Long> metrics = Map.of();
        TaskState state;
        TaskId blockedBy;

        Progress(Task task, long sequence) {
            this.task = task;
            this.sequence = sequence;
        }
    }

    Execution(Plan plan, String runId, int workers, RetryPolicy defaultRetries, Clock clock, RunListener listeners,
              ExecutorService pool) {
        this.plan = plan;
        this.runId = runId;
        this.workers = workers;
        this.defaultRetries = defaultRetries;
        this.clock = clock;
        this.listeners = listeners;
        this.pool = pool;
    }

    /** Stops starting tasks and interrupts the running ones; {@link #execute} then returns promptly. */
    void cancel() {
        cancelled = true;
        pool.shutdownNow();
        inbox.add(new Wakeup());
    }

    List<TaskOutcome> execute() throws InterruptedException {
        long sequence = 0;
        for (Task task : plan.pending()) {
            progress.put(task, new Progress(task, sequence++));
        }
        unresolved = progress.size();
        for (Task task : plan.tasks()) {
            Plan.Status status = plan.status(task);
            if (status == Plan.Status.MISSING_INPUT || status == Plan.Status.BROKEN) {
                blockDependents(task);
            }
        }
        for (Progress p : progress.values()) {
            p.waitingFor = (int) plan.requirements(p.task).stream().filter(r -> plan.status(r) != Plan.Status.COMPLETE).count();
            if (p.waitingFor == 0 && p.state == null) {
                ready.add(p);
            }
        }
        coordinate();
        return outcomes();
    }

    private void coordinate() throws InterruptedException {
        while (unresolved > 0) {
            if (cancelled) {
                drainAfterCancel();
                return;
            }
            startReadyTasks();
            if (inFlight == 0 && ready.isEmpty() && retries.isEmpty()) {
                throw new IllegalStateException("scheduler stalled with " + unresolved + " tasks unresolved");
            }
            long waitNanos = retries.isEmpty() ? TimeUnit.SECONDS.toNanos(1) : retries.peek().retryAtNanos - System.nanoTime();
            Message message = inbox.poll(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
            if (message != null) {
                handle(message);
                for (Message more = inbox.poll(); more != null; more = inbox.poll()) {
                    handle(more);
                }
            }
            while (!retries.isEmpty() && retries.peek().retryAtNanos <= System.nanoTime()) {
                ready.add(retries.poll());
            }
        }
    }

    private void startReadyTasks() {
        while (inFlight < workers && !ready.isEmpty()) {
            start(ready.poll());
        }
    }

    private void start(Progress p) {
        p.attempts++;
        p.startedAt = clock.instant();
        p.running = true;
        inFlight++;
        int attempt = p.attempts;
        listeners.onEvent(new RunEvent.TaskStarted(runId, p.startedAt, p.task, attempt));
        AttemptContext context = new AttemptContext(runId, p.task, attempt, clock, inbox::add);
        try {
            pool.execute(attempt(p, context));
        } catch (RejectedExecutionException cancelledMeanwhile) {
            inbox.add(new Finished(p.task, Duration.ZERO, new InterruptedException("cancelled before it started"), Map.of()));
        }
    }

    private Runnable attempt(Progress p, AttemptContext context) {
        return () -> {
            Throwable error = null;
            try {
                p.task.run(context);
                checkOutputs(p.task);
            } catch (Throwable e) {
                error = e;
            }
            inbox.add(new Finished(p.task, Duration.between(p.startedAt, clock.instant()), error, context.metrics()));
        };
    }

    /** A run() that returns without producing its outputs has failed, or its dependents would read nothing. */
    private static void checkOutputs(Task task) {
        if (task instanceof WrapperTask || task.output().isEmpty()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (Target target : task.output()) {
            if (!target.exists()) {
                missing.add(target.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("run() returned but output is missing: " + String.join(", ", missing));
        }
    }

    private void handle(Message message) {
        if (message instanceof Finished finished) {
            finish(finished);
        } else if (message instanceof Progressed p) {
            listeners.onEvent(new RunEvent.TaskProgressed(runId, clock.instant(), p.task(), p.step(), p.done(), p.total()));
        }
    }

    private void finish(Finished finished) {
        inFlight--;
        Progress p = progress.get(finished.task());
        p.running = false;
        p.spent = p.spent.plus(finished.duration());
        p.metrics = finished.metrics();
        Instant now = clock.instant();
        if (finished.error() == null) {
            resolve(p, TaskState.DONE);
            listeners.onEvent(new RunEvent.TaskSucceeded(runId, now, p.task, p.attempts, finished.duration(), p.metrics));
            for (Task dependent : plan.dependents(p.task)) {
                Progress d = progress.get(dependent);
                if (d != null && d.state == null && --d.waitingFor == 0) {
                    ready.add(d);
                }
            }
            return;
        }
        p.error = Failures.firstLine(finished.error());
        RetryPolicy policy = p.task.retryPolicy().orElse(defaultRetries);
        if (!cancelled && !Failures.isPermanent(finished.error()) && policy.allowsAnotherAttempt(p.attempts)) {
            Duration wait = policy.delayBefore(p.attempts + 1);
            p.retryAtNanos = System.nanoTime() + wait.toNanos();
            retries.add(p);
            listeners.onEvent(new RunEvent.TaskFailed(runId, now, p.task, p.attempts, finished.duration(), finished.error(), Optional.of(wait)));
        } else {
            resolve(p, TaskState.FAILED);
            listeners.onEvent(new RunEvent.TaskFailed(runId, now, p.task, p.attempts, finished.duration(), finished.error(), Optional.empty()));
            blockDependents(p.task);
        }
    }

    private void blockDependents(Task failed) {
        Deque<Task> toVisit = new ArrayDeque<>(plan.dependents(failed));
        while (!toVisit.isEmpty()) {
            Progress d = progress.get(toVisit.pop());
            if (d != null && d.state == null) {
                d.blockedBy = failed.id();
                resolve(d, TaskState.UPSTREAM_FAILED);
                toVisit.addAll(plan.dependents(d.task));
            }
        }
    }

    private void resolve(Progress p, TaskState state) {
        p.state = state;
        unresolved--;
    }

    private void drainAfterCancel() throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_AFTER_CANCEL.toNanos();
        while (inFlight > 0 && System.nanoTime() < deadline) {
            Message message = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message instanceof Finished finished) {
                finish(finished);
            }
        }
        for (Progress p : progress.values()) {
            if (p.state == null && p.running) {
                p.error = "interrupted while running";
            }
            if (p.state == null) {
                p.state = p.attempts > 0 ? TaskState.FAILED : TaskState.NOT_RUN;
            }
        }
        unresolved = 0;
    }

    private List<TaskOutcome> outcomes() {
        List<TaskOutcome> outcomes = new ArrayList<>(plan.tasks().size());
        for (Task task : plan.tasks()) {
            Progress p = progress.get(task);
            outcomes.add(switch (plan.status(task)) {
                case COMPLETE -> TaskOutcome.of(task, TaskState.ALREADY_COMPLETE);
                case MISSING_INPUT -> TaskOutcome.of(task, TaskState.MISSING_INPUT);
                case BROKEN -> new TaskOutcome(task, TaskState.FAILED, 0, Duration.ZERO,
                        plan.problem(task).map(Failures::firstLine), Map.of(), Optional.empty());
                case PENDING -> new TaskOutcome(task, p.state, p.attempts, p.spent, Optional.ofNullable(p.error),
                        p.metrics, Optional.ofNullable(p.blockedBy));
            });
        }
        return outcomes;
    }
}
