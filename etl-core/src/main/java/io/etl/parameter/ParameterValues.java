package io.etl.parameter;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The values of a task's declared parameters: every required one set, defaults applied, each of its declared type. */
public final class ParameterValues {

    private final ParameterSet declared;
    private final Map<String, Object> values;

    private ParameterValues(ParameterSet declared, Map<String, Object> values) {
        this.declared = declared;
        this.values = values;
    }

    public static Builder builder(List<Parameter<?>> declared) {
        return ParameterSet.of(declared).values();
    }

    /** @throws IllegalStateException if the parameter is optional and unset, or not declared */
    public <T> T get(Parameter<T> parameter) {
        return find(parameter).orElseThrow(() -> new IllegalStateException("parameter --" + parameter.name() + " is not set"));
    }

    public <T> Optional<T> find(Parameter<T> parameter) {
        if (!declared.declares(parameter)) {
            throw new IllegalStateException("parameter --" + parameter.name() + " is not declared by this task");
        }
        return Optional.ofNullable(parameter.type().valueClass().cast(values.get(parameter.name())));
    }

    public List<Parameter<?>> declared() {
        return declared.list();
    }

    /** The significant values in declared order, as text: the part of a task's identity after its family. */
    public String identity() {
        StringBuilder identity = new StringBuilder();
        for (Parameter<?> p : declared.list()) {
            Object value = values.get(p.name());
            if (p.significant() && value != null) {
                if (identity.length() > 0) {
                    identity.append(", ");
                }
                identity.append(p.name()).append('=').append(p.format(value));
            }
        }
        return identity.toString();
    }

    /** Every set value as text, in declared order (for history and reports). */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        for (Parameter<?> p : declared.list()) {
            if (values.containsKey(p.name())) {
                text.put(p.name(), p.format(values.get(p.name())));
            }
        }
        return Collections.unmodifiableMap(text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterValues other && declared.list().equals(other.declared.list()) && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return identity();
    }

    public static final class Builder {
        private final ParameterSet declared;
        private final Map<String, Object> values = new HashMap<>();

        Builder(ParameterSet declared) {
            this.declared = declared;
        }

        public <T> Builder set(Parameter<T> parameter, T value) {
            if (!declared.declares(parameter)) {
                throw new ParameterException("unknown parameter --" + parameter.name());
            }
            if (value == null) {
                values.remove(parameter.name());
            } else {
                values.put(parameter.name(), parameter.type().valueClass().cast(value));
            }
            return this;
        }

        /** Sets a value from text, as typed on the command line. */
        public Builder parse(String name, String text) {
            Parameter<?> parameter = declared.named(name).orElseThrow(() -> new ParameterException("unknown parameter --" + name
                    + (declared.isEmpty() ? " (this task takes no parameters)" : "; known: " + knownNames())));
            values.put(name, parameter.parse(text));
            return this;
        }

        public ParameterValues build() {
            Map<String, Object> complete = new HashMap<>();
            for (Parameter<?> p : declared.list()) {
                Object value = values.containsKey(p.name()) ? values.get(p.name()) : p.defaultValue().orElse(null);
                if (value == null && p.required()) {
                    throw new ParameterException("missing required parameter --" + p.name()
                            + " (" + p.type().name() + ", e.g. " + p.type().example() + ")");
                }
                if (value != null) {
                    complete.put(p.name(), value);
                }
            }
            return new ParameterValues(declared, Collections.unmodifiableMap(complete));
        }

        private String knownNames() {
            return declared.list().stream().map(p -> "--" + p.name()).collect(Collectors.joining(", "));
        }
    }
}
