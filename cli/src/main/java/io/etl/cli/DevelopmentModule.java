package io.etl.cli;

/**
 * Whether this installation has the development module {@code etl-dev} (the embedded servers, the sample data, the
 * generator): a development machine has it, a production job leaves it out.
 */
final class DevelopmentModule {

    /** One of its classes, which the commands that stand on it use. */
    private static final String MARKER = "io.etl.generate.EtlGenerator";

    private DevelopmentModule() {
    }

    static boolean installed() {
        try {
            Class.forName(MARKER, false, DevelopmentModule.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}
