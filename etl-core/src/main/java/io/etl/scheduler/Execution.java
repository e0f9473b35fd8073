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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the pending tasks of a plan on a pool of workers. One coordinator thread owns all the state: it hands a task
 * to the pool as soon as its requirements are done, hears back from the workers through a queue, schedules
 * retries, and marks the dependents of a final failure as upstream-failed while every independent branch goes on.
 * Workers take the next ready task from the pool's queue (highest priority first) without waiting for the
 * coordinator, so a long run of small tasks costs no round trip per task.
 */
final class Execution {

    sealed interface Message {
    }

    record Started(Task task, Instant at) implements Message {
    }

    record Finished(Task task, Duration duration, Throwable error, Map<String, Long> metrics, List<String> notes) implements Message {
    }

    record Progressed(Task task, String step, long done, long total, String unit) implements Message {
    }

    record Wakeup() implements Message {
    }

    private static final Duration DRAIN_AFTER_CANCEL = Duration.ofSeconds(10);
    private static final Comparator<Progress> READY_ORDER =
            Comparator.comparingInt((Progress p) -> -p.task.priority()).thenComparingLong(p -> p.sequence);

    private final Plan plan;
    private final String runId;
    private final int workers;
    private final RetryPolicy defaultRetries;
    private final Clock clock;
    private final RunListener listeners;
    private final ThreadPoolExecutor pool;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private final Map<Task, Progress> progress = new HashMap<>();
    private final List<Progress> becameReady = new ArrayList<>();
    private final PriorityQueue<Progress> ready = new PriorityQueue<>(READY_ORDER);
    private final PriorityQueue<Progress> retries = new PriorityQueue<>(Comparator.comparingLong(p -> p.retryAtNanos));
    private volatile boolean cancelled;
    private int submitted;
    private int unresolved;

    /** Where one pending task stands. */
    private static final class Progress {
        final Task task;
        final long sequence;
        int waitingFor;
        int attempts;
        boolean running;
        Duration spent = Duration.ZERO;
        long retryAtNanos;
        String error;
        Map<String, Long> metrics = Map.of();
        List<String> notes = List.of();
        TaskState state;
        TaskId blockedBy;

        Progress(Task task, long sequence) {
            this.task = task;
            this.sequence = sequence;
        }
    }

    /** One attempt waiting in the pool's queue, ordered like the ready tasks it stands for. */
    private final class Attempt implements Runnable, Comparable<Attempt> {
        private final Progress progress;
        private final AttemptContext context;

        Attempt(Progress progress, AttemptContext context) {
            this.progress = progress;
            this.context = context;
        }

        @Override
        public void run() {
            Task task = progress.task;
            Instant startedAt = clock.instant();
            inbox.add(new Started(task, startedAt));
            Throwable error = null;
            try {
                task.run(context);
                checkOutputs(task);
            } catch (Throwable e) {
                error = e;
            }
            inbox.add(new Finished(task, Duration.between(startedAt, clock.instant()), error, context.metrics(), context.notes()));
        }

        @Override
        public int compareTo(Attempt other) {
            return READY_ORDER.compare(progress, other.progress);
        }
    }

    Execution(Plan plan, String runId, int workers, RetryPolicy defaultRetries, Clock clock, RunListener listeners) {
        this.plan = plan;
        this.runId = runId;
        this.workers = workers;
        this.defaultRetries = defaultRetries;
        this.clock = clock;
        this.listeners = listeners;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "etl-worker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Stops starting tasks and interrupts the running ones; {@link #execute} then returns promptly. */
    void cancel() {
        cancelled = true;
        inbox.add(new Wakeup());
    }

    List<TaskOutcome> execute() throws InterruptedException {
        try {
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
                    becameReady.add(p);
                }
            }
            coordinate();
            return outcomes();
        } finally {
            pool.shutdownNow();
        }
    }

    private void coordinate() throws InterruptedException {
        while (unresolved > 0) {
            if (cancelled) {
                drainAfterCancel();
                return;
            }
            submitReadyTasks();
            if (submitted == 0 && retries.isEmpty()) {
                throw new IllegalStateException("scheduler stalled with " + unresolved + " tasks unresolved");
            }
            long waitNanos = retries.isEmpty() ? TimeUnit.SECONDS.toNanos(1) : retries.peek().retryAtNanos - System.nanoTime();
            Message message = inbox.poll(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
            for (; message != null; message = inbox.poll()) {
                handle(message);
            }
            while (!retries.isEmpty() && retries.peek().retryAtNanos <= System.nanoTime()) {
                becameReady.add(retries.poll());
            }
        }
    }

    /**
     * Hands the ready tasks over as workers fall idle, highest priority first: no more than there are workers, so
     * that a task which becomes ready when another ends (a chunk's transform after its extract) is weighed against
     * every waiting one, not behind those handed over before it.
     */
    private void submitReadyTasks() {
        ready.addAll(becameReady);
        becameReady.clear();
        while (submitted < workers && !ready.isEmpty()) {
            Progress p = ready.poll();
            p.attempts++;
            submitted++;
            pool.execute(new Attempt(p, new AttemptContext(runId, p.task, p.attempts, clock, inbox::add)));
        }
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
        if (message instanceof Started started) {
            progress.get(started.task()).running = true;
            listeners.onEvent(new RunEvent.TaskStarted(runId, started.at(), started.task(), progress.get(started.task()).attempts));
        } else if (message instanceof Finished finished) {
            finish(finished);
        } else if (message instanceof Progressed p) {
            listeners.onEvent(new RunEvent.TaskProgressed(runId, clock.instant(), p.task(), p.step(), p.done(), p.total(), p.unit()));
        }
    }

    private void finish(Finished finished) {
        submitted--;
        Progress p = progress.get(finished.task());
        p.running = false;
        p.spent = p.spent.plus(finished.duration());
        p.metrics = finished.metrics();
        p.notes = finished.notes();
        Instant now = clock.instant();
        if (finished.error() == null) {
            resolve(p, TaskState.DONE);
            listeners.onEvent(new RunEvent.TaskSucceeded(runId, now, p.task, p.attempts, finished.duration(), p.metrics, p.notes));
            for (Task dependent : plan.dependents(p.task)) {
                Progress d = progress.get(dependent);
                if (d != null && d.state == null && --d.waitingFor == 0) {
                    becameReady.add(d);
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

    /** Interrupts the running tasks and waits a little for them to report; what never started is not run. */
    private void drainAfterCancel() throws InterruptedException {
        for (Runnable neverStarted : pool.shutdownNow()) {
            ((Attempt) neverStarted).progress.attempts--;
            submitted--;
        }
        long deadline = System.nanoTime() + DRAIN_AFTER_CANCEL.toNanos();
        while (submitted > 0 && System.nanoTime() < deadline) {
            Message message = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message instanceof Finished finished) {
                finish(finished);
            } else if (message instanceof Started started) {
                progress.get(started.task()).running = true;
            }
        }
        for (Progress p : progress.values()) {
            if (p.state == null && p.running) {
                p.error = "interrupted while running";
            }
            if (p.state == null) {
                p.state = p.error != null ? TaskState.FAILED : TaskState.NOT_RUN;
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
                        plan.problem(task).map(Failures::firstLine), Map.of(), List.of(), Optional.empty());
                case PENDING -> new TaskOutcome(task, p.state, p.attempts, p.spent, Optional.ofNullable(p.error),
                        p.metrics, p.notes, Optional.ofNullable(p.blockedBy));
            });
        }
        return outcomes;
    }
}
