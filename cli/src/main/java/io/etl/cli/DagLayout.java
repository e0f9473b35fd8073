package io.etl.cli;

import io.etl.scheduler.Plan;
import io.etl.task.Task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each task of a plan goes in a drawing: in layers from left to right, a task one layer right of its
 * furthest requirement, so every edge points right (from what is needed to what needs it).
 */
record DagLayout(List<Box> boxes, List<Edge> edges, int width, int height) {

    static final int BOX_WIDTH = 260;
    static final int BOX_HEIGHT = 46;
    private static final int GAP_X = 60;
    private static final int GAP_Y = 20;
    private static final int MARGIN = 10;

    /** A task's rectangle, top left corner at (x, y). */
    record Box(Task task, int x, int y) {
    }

    /** A line from a requirement's right side to the left side of the task that needs it. */
    record Edge(int x1, int y1, int x2, int y2) {
    }

    static DagLayout of(Plan plan) {
        Map<Task, Integer> layers = new HashMap<>();
        Map<Integer, Integer> rowsPerLayer = new HashMap<>();
        Map<Task, Box> boxes = new HashMap<>();
        List<Box> ordered = new ArrayList<>();
        for (Task task : plan.tasks()) {  // requirements first, so theirs are known
            int layer = plan.requirements(task).stream().mapToInt(r -> layers.get(r) + 1).max().orElse(0);
            layers.put(task, layer);
            int row = rowsPerLayer.merge(layer, 1, Integer::sum) - 1;
            Box box = new Box(task, MARGIN + layer * (BOX_WIDTH + GAP_X), MARGIN + row * (BOX_HEIGHT + GAP_Y));
            boxes.put(task, box);
            ordered.add(box);
        }
        List<Edge> edges = new ArrayList<>();
        for (Task task : plan.tasks()) {
            Box to = boxes.get(task);
            for (Task requirement : plan.requirements(task)) {
                Box from = boxes.get(requirement);
                edges.add(new Edge(from.x() + BOX_WIDTH, from.y() + BOX_HEIGHT / 2, to.x(), to.y() + BOX_HEIGHT / 2));
            }
        }
        int layerCount = rowsPerLayer.size();
        int maxRows = rowsPerLayer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new DagLayout(ordered, edges, 2 * MARGIN + layerCount * BOX_WIDTH + Math.max(0, layerCount - 1) * GAP_X,
                2 * MARGIN + maxRows * BOX_HEIGHT + Math.max(0, maxRows - 1) * GAP_Y);
    }
}
