package io.etl.cli;

import io.etl.scheduler.Plan;
import io.etl.task.Task;

import java.util.List;

/** What {@code --dry-run} prints: the tasks that would run, in the order they could, and what is already done. */
final class PlanText {

    private PlanText() {
    }

    static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        List<Task> pending = plan.pending();
        out.append("Plan for ").append(plan.root().id()).append(": ").append(plan.tasks().size()).append(" task(s), ")
                .append(plan.count(Plan.Status.COMPLETE)).append(" already complete, ").append(pending.size()).append(" to run\n");
        int step = 1;
        for (Task task : pending) {
            out.append(String.format("%5d. %s%n", step++, task.id()));
        }
        for (Task task : plan.tasks()) {
            Plan.Status status = plan.status(task);
            if (status == Plan.Status.MISSING_INPUT) {
                out.append("  missing input: ").append(task.id()).append('\n');
            } else if (status == Plan.Status.BROKEN) {
                out.append("  cannot plan ").append(task.id()).append(": ")
                        .append(plan.problem(task).map(Throwable::getMessage).orElse("")).append('\n');
            }
        }
        return out.toString();
    }

    static boolean canRun(Plan plan) {
        return plan.count(Plan.Status.MISSING_INPUT) == 0 && plan.count(Plan.Status.BROKEN) == 0;
    }
}
