package io.etl.cli;

import io.etl.scheduler.Plan;
import io.etl.task.Task;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Ways to draw a plan: an indented tree for the terminal, Graphviz DOT, or Mermaid for Markdown pages. */
enum GraphFormat {
    TEXT {
        @Override
        String render(Plan plan) {
            StringBuilder out = new StringBuilder();
            tree(plan, plan.root(), "", "", new HashSet<>(), out);
            return out.toString();
        }
    },
    DOT {
        @Override
        String render(Plan plan) {
            StringBuilder out = new StringBuilder("digraph etl {\n  rankdir=BT;\n  node [shape=box, style=filled];\n");
            Map<Task, String> ids = nodeIds(plan);
            for (Task task : plan.tasks()) {
                out.append(String.format("  %s [label=\"%s\", fillcolor=\"%s\"];%n", ids.get(task), quoted(task), color(plan.status(task))));
            }
            edges(plan, ids, " -> ", ";", out);
            return out.append("}\n").toString();
        }
    },
    MERMAID {
        @Override
        String render(Plan plan) {
            StringBuilder out = new StringBuilder("graph BT\n");
            Map<Task, String> ids = nodeIds(plan);
            for (Task task : plan.tasks()) {
                out.append(String.format("  %s[\"%s\"]:::%s%n", ids.get(task), quoted(task).replace("\\\"", "#quot;"),
                        plan.status(task).name().toLowerCase(Locale.ROOT)));
            }
            edges(plan, ids, " --> ", "", out);
            for (Plan.Status status : Plan.Status.values()) {
                out.append("  classDef ").append(status.name().toLowerCase(Locale.ROOT)).append(" fill:").append(color(status)).append('\n');
            }
            return out.toString();
        }
    };

    abstract String render(Plan plan);

    private static void tree(Plan plan, Task task, String lead, String childLead, Set<Task> shown, StringBuilder out) {
        out.append(lead).append(task.id()).append("  [").append(label(plan.status(task))).append(']');
        List<Task> requirements = plan.requirements(task);
        if (!shown.add(task) && !requirements.isEmpty()) {
            out.append("  (requirements shown above)\n");
            return;
        }
        out.append('\n');
        for (int i = 0; i < requirements.size(); i++) {
            boolean last = i == requirements.size() - 1;
            tree(plan, requirements.get(i), childLead + (last ? "└── " : "├── "), childLead + (last ? "    " : "│   "), shown, out);
        }
    }

    /** One line per dependency, drawn from the requirement to the task that needs it. */
    private static void edges(Plan plan, Map<Task, String> ids, String arrow, String end, StringBuilder out) {
        for (Task task : plan.tasks()) {
            for (Task requirement : plan.requirements(task)) {
                out.append("  ").append(ids.get(requirement)).append(arrow).append(ids.get(task)).append(end).append('\n');
            }
        }
    }

    private static Map<Task, String> nodeIds(Plan plan) {
        Map<Task, String> ids = new HashMap<>();
        plan.tasks().forEach(task -> ids.put(task, "t" + ids.size()));
        return ids;
    }

    private static String quoted(Task task) {
        return task.id().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String label(Plan.Status status) {
        return switch (status) {
            case COMPLETE -> "complete";
            case PENDING -> "to run";
            case MISSING_INPUT -> "missing input";
            case BROKEN -> "cannot plan";
        };
    }

    private static String color(Plan.Status status) {
        return switch (status) {
            case COMPLETE -> "#b7e1a1";
            case PENDING -> "#ffe08a";
            case MISSING_INPUT, BROKEN -> "#f4a3a3";
        };
    }
}
