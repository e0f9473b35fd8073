package io.etl.scheduler;

import io.etl.event.RunEvent;
import io.etl.event.RunListener;
import io.etl.task.Task;
import io.etl.task.TaskGroup;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A run of a group ({@link TaskGroup}) as one run of each member, for the listeners that keep the runs of one ETL:
 * its history ({@code etl history actions_taken}, {@code etl status}) must hold its runs whichever command ran it.
 * Each member's own listener hears the run opened, planned and finished as the member's, with the member's tasks and
 * the status they make; and the attempts of the tasks the member needs. A run of anything else goes to one listener.
 */
public final class MemberRuns implements RunListener {

    private final Supplier<RunListener> listenerOfEach;
    private final Map<Task, RunListener> members = new LinkedHashMap<>();
    private final Map<Task, Task> memberOf = new HashMap<>();
    private RunListener single;
    private Plan plan;

    private MemberRuns(Supplier<RunListener> listenerOfEach) {
        this.listenerOfEach = listenerOfEach;
    }

    /** @param listenerOfEach a new listener, for each member of a group run (or for the run of any other root) */
    public static RunListener each(Supplier<RunListener> listenerOfEach) {
        return new MemberRuns(listenerOfEach);
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.RunOpened opened && opened.root() instanceof TaskGroup group) {
            group.members().forEach(member -> members.put(member, listenerOfEach.get()));
            each((member, listener) -> listener.onEvent(new RunEvent.RunOpened(opened.runId(), opened.at(), member)));
        } else if (event instanceof RunEvent.RunOpened) {
            single = listenerOfEach.get();
            single.onEvent(event);
        } else if (single != null) {
            single.onEvent(event);
        } else {
            toMembers(event);
        }
    }

    private void toMembers(RunEvent event) {
        if (event instanceof RunEvent.RunStarted started) {
            plan = started.plan();
            members.keySet().forEach(member -> memberOf.put(member, member)); // a member a model reads is its own
            members.keySet().forEach(this::claimTasksOf);
            each((member, listener) -> listener.onEvent(new RunEvent.RunStarted(started.runId(), started.at(), member, started.plan(),
                    started.workers(), started.tookOverLockFrom())));
        } else if (event instanceof RunEvent.PlanFailed failed) {
            each((member, listener) -> listener.onEvent(new RunEvent.PlanFailed(failed.runId(), failed.at(), member, failed.attempt(),
                    failed.error(), failed.retryIn())));
        } else if (event instanceof RunEvent.PlanAborted aborted) {
            each((member, listener) -> listener.onEvent(new RunEvent.PlanAborted(aborted.runId(), aborted.at(), member, aborted.error())));
        } else if (event instanceof RunEvent.RunFinished finished) {
            each((member, listener) -> listener.onEvent(new RunEvent.RunFinished(finished.runId(), finished.at(),
                    memberSummary(finished.summary(), member))));
        } else {
            task(event).map(memberOf::get).map(members::get).ifPresent(listener -> listener.onEvent(event));
        }
    }

    private void each(BiConsumer<Task, RunListener> action) {
        members.forEach(action);
    }

    /** The tasks a member needs, but the other members and those another member listed before it claimed first. */
    private void claimTasksOf(Task member) {
        Deque<Task> next = new ArrayDeque<>(plan.requirements(member));
        while (!next.isEmpty()) {
            Task task = next.pop();
            if (memberOf.putIfAbsent(task, member) == null) {
                next.addAll(plan.requirements(task));
            }
        }
    }

    private static Optional<Task> task(RunEvent event) {
        if (event instanceof RunEvent.TaskStarted started) {
            return Optional.of(started.task());
        }
        if (event instanceof RunEvent.TaskProgressed progressed) {
            return Optional.of(progressed.task());
        }
        if (event instanceof RunEvent.TaskSucceeded succeeded) {
            return Optional.of(succeeded.task());
        }
        if (event instanceof RunEvent.TaskFailed failed) {
            return Optional.of(failed.task());
        }
        return Optional.empty();
    }

    /** The group's summary narrowed to one member: its tasks, and the status they make. */
    private RunSummary memberSummary(RunSummary group, Task member) {
        List<TaskOutcome> outcomes = group.outcomes().stream().filter(o -> member.equals(memberOf.get(o.task()))).toList();
        return new RunSummary(group.runId(), member, memberStatus(group.status(), member, outcomes), group.startedAt(),
                group.finishedAt(), group.workers(), outcomes);
    }

    /** Complete is a success; else the group's status if it is about this member too, and a failure otherwise. */
    private RunStatus memberStatus(RunStatus group, Task member, List<TaskOutcome> outcomes) {
        if (outcomes.stream().anyMatch(o -> o.task().equals(member) && o.state().complete())) {
            return RunStatus.SUCCESS;
        }
        boolean unplanned = outcomes.stream().map(o -> plan.status(o.task()))
                .anyMatch(status -> status == Plan.Status.BROKEN || status == Plan.Status.MISSING_INPUT);
        return switch (group) {
            case INTERRUPTED -> RunStatus.INTERRUPTED;
            case CONFIGURATION_ERROR, SCHEDULING_ERROR -> unplanned ? group : RunStatus.FAILED;
            default -> RunStatus.FAILED;
        };
    }
}
