package io.etl.testing;

import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterValues;
import io.etl.targets.LocalFileTarget;
import io.etl.targets.Target;
import io.etl.task.ExternalTask;
import io.etl.task.PermanentFailure;
import io.etl.task.RetryPolicy;
import io.etl.task.Task;
import io.etl.task.TaskContext;
import io.etl.task.TaskType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds small task graphs for tests: {@code dag.node("load").requires("extract").failsTimes(2)}. Every node is a
 * task of family "node" whose output is a file named after it; the dag counts how often each one ran.
 */
public final class TestDag {

    public static final Parameter<String> NAME = Parameter.string("name").describedAs("node name");

    private final Path directory;
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final List<String> runOrder = java.util.Collections.synchronizedList(new ArrayList<>());
    private final TaskType<Task> type;

    public TestDag(Path directory) {
        this.directory = directory;
        this.type = TaskType.of("node", "a node of a test graph", this::create, NAME);
    }

    public Node node(String name) {
        return nodes.computeIfAbsent(name, Node::new);
    }

    public Task task(String name) {
        node(name);
        return type.with(NAME, name).create();
    }

    public TaskType<Task> type() {
        return type;
    }

    public int runs(String name) {
        return runs.getOrDefault(name, new AtomicInteger()).get();
    }

    public List<String> runOrder() {
        return List.copyOf(runOrder);
    }

    public Path output(String name) {
        return directory.resolve(name + ".out");
    }

    private Task create(ParameterValues values) {
        Node node = node(values.get(NAME));
        return node.external ? new External(type, values, node) : new NodeTask(type, values, node);
    }

    /** How one node behaves. */
    public final class Node {
        private final String name;
        private final List<String> requires = new ArrayList<>();
        private int failures;
        private boolean permanent;
        private boolean external;
        private boolean forgetsOutput;
        private boolean noOutput;
        private CyclicBarrier barrier;
        private Duration barrierTimeout;
        private Duration sleep = Duration.ZERO;
        private Duration checkSleep = Duration.ZERO;
        private RetryPolicy retryPolicy;
        private int priority;
        private Map<String, Long> metrics = Map.of();

        private Node(String name) {
            this.name = name;
        }

        public Node requires(String... names) {
            requires.addAll(List.of(names));
            for (String n : names) {
                node(n);
            }
            return this;
        }

        /** Throws on its first {@code times} attempts. */
        public Node failsTimes(int times) {
            this.failures = times;
            return this;
        }

        public Node failsAlways() {
            return failsTimes(Integer.MAX_VALUE);
        }

        public Node failsPermanently() {
            this.permanent = true;
            return failsAlways();
        }

        public Node external() {
            this.external = true;
            return this;
        }

        /** run() returns normally without writing its output. */
        public Node forgetsOutput() {
            this.forgetsOutput = true;
            return this;
        }

        /** Declares no output: it runs every time. */
        public Node withoutOutput() {
            this.noOutput = true;
            return this;
        }

        /** run() waits at the barrier, so it only passes if the barrier's other parties run at the same time. */
        public Node meetsAt(CyclicBarrier barrier, Duration timeout) {
            this.barrier = barrier;
            this.barrierTimeout = timeout;
            return this;
        }

        public Node sleeps(Duration duration) {
            this.sleep = duration;
            return this;
        }

        /** Its completeness check takes this long, as a check of a slow warehouse or lake does while a run plans. */
        public Node checksSlowly(Duration duration) {
            this.checkSleep = duration;
            return this;
        }

        public Node retries(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        public Node priority(int priority) {
            this.priority = priority;
            return this;
        }

        public Node records(Map<String, Long> metrics) {
            this.metrics = metrics;
            return this;
        }
    }

    private final class NodeTask extends Task {
        private final Node node;

        NodeTask(TaskType<?> type, ParameterValues values, Node node) {
            super(type, values);
            this.node = node;
        }

        @Override
        public List<Task> requires() {
            return node.requires.stream().map(TestDag.this::task).toList();
        }

        @Override
        public List<? extends Target> output() {
            return node.noOutput ? List.of() : List.of(LocalFileTarget.at(TestDag.this.output(node.name)));
        }

        @Override
        public boolean complete() {
            if (!node.checkSleep.isZero()) {
                try {
                    Thread.sleep(node.checkSleep.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.complete();
        }

        @Override
        public void run(TaskContext context) throws Exception {
            int attempt = runs.computeIfAbsent(node.name, n -> new AtomicInteger()).incrementAndGet();
            runOrder.add(node.name);
            if (node.barrier != null) {
                node.barrier.await(node.barrierTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (!node.sleep.isZero()) {
                Thread.sleep(node.sleep.toMillis());
            }
            node.metrics.forEach(context::record);
            if (attempt <= node.failures) {
                if (node.permanent) {
                    throw new PermanentFailure(node.name + " has bad input");
                }
                throw new IllegalStateException(node.name + " failed on attempt " + attempt + "\nsecond line of detail");
            }
            if (!node.forgetsOutput && !node.noOutput) {
                LocalFileTarget.at(TestDag.this.output(node.name)).writeString(node.name);
            }
        }

        @Override
        public Optional<RetryPolicy> retryPolicy() {
            return Optional.ofNullable(node.retryPolicy);
        }

        @Override
        public int priority() {
            return node.priority;
        }
    }

    /** Input that some other system provides: exists when the test writes its file. */
    private final class External extends ExternalTask {
        private final Node node;

        External(TaskType<?> type, ParameterValues values, Node node) {
            super(type, values);
            this.node = node;
        }

        @Override
        public List<? extends Target> output() {
            return List.of(LocalFileTarget.at(TestDag.this.output(node.name)));
        }
    }
}
