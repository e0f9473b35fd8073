package io.etl.parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parameters a task type declares, in order, indexed by name once so that creating a task stays cheap. */
public final class ParameterSet {

    private final List<Parameter<?>> parameters;
    private final Map<String, Parameter<?>> byName;

    private ParameterSet(List<Parameter<?>> parameters) {
        this.parameters = List.copyOf(parameters);
        Map<String, Parameter<?>> index = new LinkedHashMap<>();
        for (Parameter<?> p : this.parameters) {
            if (index.put(p.name(), p) != null) {
                throw new IllegalArgumentException("parameter --" + p.name() + " is declared twice");
            }
        }
        this.byName = Map.copyOf(index);
    }

    public static ParameterSet of(List<Parameter<?>> parameters) {
        return new ParameterSet(parameters);
    }

    public List<Parameter<?>> list() {
        return parameters;
    }

    public Optional<Parameter<?>> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean declares(Parameter<?> parameter) {
        Parameter<?> known = byName.get(parameter.name());
        return known == parameter || parameter.equals(known);
    }

    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    public ParameterValues.Builder values() {
        return new ParameterValues.Builder(this);
    }
}
