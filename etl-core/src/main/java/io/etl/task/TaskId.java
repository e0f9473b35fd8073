package io.etl.task;

/**
 * What makes two tasks the same task: the family and the significant parameter values, as canonical text.
 * A task complete under one id is complete for every run that asks for that id.
 */
public record TaskId(String family, String parameters) implements Comparable<TaskId> {

    @Override
    public String toString() {
        return parameters.isEmpty() ? family : family + "(" + parameters + ")";
    }

    @Override
    public int compareTo(TaskId other) {
        int byFamily = family.compareTo(other.family);
        return byFamily != 0 ? byFamily : parameters.compareTo(other.parameters);
    }
}
