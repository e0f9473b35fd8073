package io.etl.task;

import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterValues;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several ETLs run as one graph ({@code etl run all}, or a group of the settings): it requires one root task of each
 * member type, made from the group's parameter values that type declares. A scheduler with a lock directory holds
 * each member's lock rather than the group's, and skips a member whose lock another run holds.
 */
public final class TaskGroup extends WrapperTask {

    private final List<Task> members;

    private TaskGroup(TaskType<TaskGroup> type, ParameterValues values, List<Task> members) {
        super(type, values);
        this.members = List.copyOf(members);
    }

    /**
     * @param memberTypes the root type of each ETL of the group; the group takes every parameter they declare, each
     *                    name once, and hands each member the values of those it declares
     */
    public static TaskType<TaskGroup> type(String name, String description, List<TaskType<?>> memberTypes) {
        Map<String, Parameter<?>> parameters = new LinkedHashMap<>();
        memberTypes.forEach(member -> member.parameters().forEach(p -> parameters.putIfAbsent(p.name(), p)));
        return new Definition(name, description, memberTypes, List.copyOf(parameters.values())).type;
    }

    public List<Task> members() {
        return members;
    }

    /** The same group (same identity) with only these of its members: those whose lock the run holds. */
    public TaskGroup only(Collection<Task> kept) {
        @SuppressWarnings("unchecked")
        TaskType<TaskGroup> type = (TaskType<TaskGroup>) type();
        return new TaskGroup(type, parameters(), members.stream().filter(kept::contains).toList());
    }

    @Override
    public List<Task> requires() {
        return members;
    }

    /** The locks a run of this root holds: each member's for a group, else the root's own ({@link Task#lockNames()}). */
    public static List<String> lockNames(Task root) {
        return root instanceof TaskGroup group ? group.members.stream().flatMap(member -> member.lockNames().stream()).distinct().toList()
                : root.lockNames();
    }

    private static final class Definition {
        private final List<TaskType<?>> memberTypes;
        private final TaskType<TaskGroup> type;

        private Definition(String name, String description, List<TaskType<?>> memberTypes, List<Parameter<?>> parameters) {
            this.memberTypes = List.copyOf(memberTypes);
            this.type = TaskType.of(name, description, this::create, parameters.toArray(Parameter<?>[]::new));
        }

        private TaskGroup create(ParameterValues values) {
            Map<String, String> given = values.asText();
            List<Task> members = memberTypes.stream().<Task>map(member -> member.parse(declaredBy(member, given))).toList();
            return new TaskGroup(type, values, members);
        }

        private static Map<String, String> declaredBy(TaskType<?> member, Map<String, String> given) {
            Map<String, String> values = new LinkedHashMap<>();
            member.parameters().forEach(p -> {
                if (given.containsKey(p.name())) {
                    values.put(p.name(), given.get(p.name()));
                }
            });
            return values;
        }
    }
}
