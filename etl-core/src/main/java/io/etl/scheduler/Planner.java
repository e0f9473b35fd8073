package io.etl.scheduler;

import io.etl.task.ExternalTask;
import io.etl.task.Failures;
import io.etl.task.Task;
import io.etl.task.TaskId;
import io.etl.task.WrapperTask;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Expands the graph from the root one level at a time, checking the completeness of each level's tasks in parallel
 * (the slow part when targets live on S3 or in a database), and expanding only what is incomplete.
 */
final class Planner {

    private static final int TASKS_PER_CHECK = 256;

    private final ExecutorService checkers;
    private final int parallelism;

    Planner(ExecutorService checkers, int parallelism) {
        this.checkers = checkers;
        this.parallelism = parallelism;
    }

    Plan plan(Task root) {
        Graph<Task, DefaultEdge> graph = Plan.emptyGraph();
        Map<Task, Plan.Status> statuses = new HashMap<>();
        Map<Task, Throwable> problems = new HashMap<>();
        graph.addVertex(root);
        List<Task> level = List.of(root);
        while (!level.isEmpty()) {
            Map<Task, Object> completeness = checkCompleteness(level);
            List<Task> next = new ArrayList<>();
            for (Task task : level) {
                Object complete = completeness.get(task);
                if (complete instanceof Throwable error) {
                    statuses.put(task, Plan.Status.BROKEN);
                    problems.put(task, new IllegalStateException("cannot tell whether it is complete: " + Failures.text(error), error));
                } else if (Boolean.TRUE.equals(complete)) {
                    statuses.put(task, Plan.Status.COMPLETE);
                } else if (task instanceof ExternalTask) {
                    statuses.put(task, Plan.Status.MISSING_INPUT);
                } else {
                    statuses.put(task, Plan.Status.PENDING);
                    expand(task, graph, next, statuses, problems);
                }
            }
            level = next;
        }
        List<Task> order = requirementsFirst(graph);
        for (Task task : order) {
            if (task instanceof WrapperTask && statuses.get(task) == Plan.Status.PENDING
                    && Graphs.successorListOf(graph, task).stream().allMatch(r -> statuses.get(r) == Plan.Status.COMPLETE)) {
                statuses.put(task, Plan.Status.COMPLETE);
            }
        }
        return new Plan(root, graph, statuses, problems, order);
    }

    private static void expand(Task task, Graph<Task, DefaultEdge> graph, List<Task> next,
                               Map<Task, Plan.Status> statuses, Map<Task, Throwable> problems) {
        List<? extends Task> requirements;
        try {
            requirements = task.requires();
        } catch (RuntimeException | Error e) {
            statuses.put(task, Plan.Status.BROKEN);
            problems.put(task, new IllegalStateException("cannot tell what it needs: " + Failures.text(e), e));
            return;
        }
        for (Task requirement : requirements) {
            if (graph.addVertex(requirement)) {
                next.add(requirement);
            }
            graph.addEdge(task, requirement);
        }
    }

    /** Wrapper tasks are left out: their completeness follows from their requirements once those are known. */
    private Map<Task, Object> checkCompleteness(List<Task> level) {
        Map<Task, Object> results = new HashMap<>();
        List<Task> toCheck = level.stream().filter(t -> !(t instanceof WrapperTask)).toList();
        if (toCheck.size() <= 1 || parallelism <= 1) {
            toCheck.forEach(t -> results.put(t, checkOne(t)));
            return results;
        }
        int chunk = Math.max(1, Math.min(TASKS_PER_CHECK, (toCheck.size() + parallelism - 1) / parallelism));
        List<Future<Map<Task, Object>>> futures = new ArrayList<>();
        for (int from = 0; from < toCheck.size(); from += chunk) {
            List<Task> slice = toCheck.subList(from, Math.min(toCheck.size(), from + chunk));
            futures.add(checkers.submit(() -> {
                Map<Task, Object> part = new HashMap<>();
                slice.forEach(t -> part.put(t, checkOne(t)));
                return part;
            }));
        }
        for (Future<Map<Task, Object>> future : futures) {
            try {
                results.putAll(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchedulingException("interrupted while checking which tasks are complete", e);
            } catch (ExecutionException e) {
                throw new SchedulingException("cannot tell which tasks are complete: " + Failures.text(e.getCause()), e.getCause());
            }
        }
        return results;
    }

    private static Object checkOne(Task task) {
        try {
            return task.complete();
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    /**
     * Every task after what it requires, in the order one worker runs them: of the tasks free to go, the one of
     * highest {@link Task#priority()}, then the one required first (as {@code requires()} lists them), so that a
     * backfill's chunks go one after another from the oldest.
     *
     * @throws CycleException when there is no such order
     */
    private static List<Task> requirementsFirst(Graph<Task, DefaultEdge> graph) {
        List<Task> order = new ArrayList<>(graph.vertexSet().size());
        Map<Task, Integer> found = new HashMap<>();
        graph.vertexSet().forEach(task -> found.put(task, found.size()));
        Comparator<Task> freeFirst = Comparator.comparingInt((Task task) -> -task.priority()).thenComparing(found::get);
        try {
            new TopologicalOrderIterator<>(new EdgeReversedGraph<>(graph), freeFirst).forEachRemaining(order::add);
        } catch (IllegalArgumentException notADag) {
            throw new CycleException(findCycle(graph));
        }
        return order;
    }

    /** One loop, from the smallest task id round to itself, for a message a person can follow. */
    private static List<TaskId> findCycle(Graph<Task, DefaultEdge> graph) {
        for (Task task : graph.vertexSet()) {
            if (graph.containsEdge(task, task)) {
                return List.of(task.id(), task.id());
            }
        }
        Set<Task> component = new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets().stream()
                .filter(set -> set.size() > 1)
                .min(Comparator.comparing(set -> set.stream().map(Task::id).min(Comparator.naturalOrder()).orElseThrow()))
                .orElseThrow();
        Graph<Task, DefaultEdge> loop = new AsSubgraph<>(graph, component);
        Task start = component.stream().min(Comparator.comparing(Task::id)).orElseThrow();
        Task last = Graphs.predecessorListOf(loop, start).stream().min(Comparator.comparing(Task::id)).orElseThrow();
        List<TaskId> cycle = new ArrayList<>(BFSShortestPath.findPathBetween(loop, start, last).getVertexList()
                .stream().map(Task::id).toList());
        cycle.add(start.id());
        return cycle;
    }
}
