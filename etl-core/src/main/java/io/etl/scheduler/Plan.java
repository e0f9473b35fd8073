package io.etl.scheduler;

import io.etl.task.Task;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.graph.AsUnmodifiableGraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dependency graph of a run as the planner found it: an edge goes from a task to each task it requires, and the
 * requirements of a task that is already complete are not expanded (its work is done, whatever they would say).
 */
public final class Plan {

    /** What planning found out about a task. */
    public enum Status {
        COMPLETE, PENDING, MISSING_INPUT, BROKEN
    }

    private final Task root;
    private final Graph<Task, DefaultEdge> graph;
    private final Map<Task, Status> statuses;
    private final Map<Task, Throwable> problems;
    private final List<Task> order;

    Plan(Task root, Graph<Task, DefaultEdge> graph, Map<Task, Status> statuses, Map<Task, Throwable> problems,
         List<Task> order) {
        this.root = root;
        this.graph = new AsUnmodifiableGraph<>(graph);
        this.statuses = Collections.unmodifiableMap(statuses);
        this.problems = Collections.unmodifiableMap(problems);
        this.order = Collections.unmodifiableList(order);
    }

    /** The plan of a run stopped before it could be planned (a malformed setting, say): its root alone, broken. */
    public static Plan unplanned(Task root, Throwable problem) {
        Graph<Task, DefaultEdge> graph = emptyGraph();
        graph.addVertex(root);
        return new Plan(root, graph, Map.of(root, Status.BROKEN), Map.of(root, problem), List.of(root));
    }

    public Task root() {
        return root;
    }

    /** Every task, requirements before the tasks that need them. */
    public List<Task> tasks() {
        return order;
    }

    public Status status(Task task) {
        return statuses.get(task);
    }

    /** Why a task is {@link Status#BROKEN}: what its requires() or complete() threw. */
    public Optional<Throwable> problem(Task task) {
        return Optional.ofNullable(problems.get(task));
    }

    public List<Task> requirements(Task task) {
        return Graphs.successorListOf(graph, task);
    }

    public List<Task> dependents(Task task) {
        return Graphs.predecessorListOf(graph, task);
    }

    public long count(Status status) {
        return statuses.values().stream().filter(s -> s == status).count();
    }

    /** The tasks that would run, requirements first. */
    public List<Task> pending() {
        List<Task> pending = new ArrayList<>();
        for (Task task : order) {
            if (statuses.get(task) == Status.PENDING) {
                pending.add(task);
            }
        }
        return pending;
    }

    /** A read-only view, for drawing. */
    public Graph<Task, DefaultEdge> graph() {
        return graph;
    }

    static Graph<Task, DefaultEdge> emptyGraph() {
        return GraphTypeBuilder.<Task, DefaultEdge>directed()
                .allowingSelfLoops(true)
                .allowingMultipleEdges(false)
                .edgeClass(DefaultEdge.class)
                .buildGraph();
    }
}
