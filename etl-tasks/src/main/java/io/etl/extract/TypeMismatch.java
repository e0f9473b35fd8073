package io.etl.extract;

/** Why a value cannot be its field's declared type: a document's reject reason, not an error of the extract. */
final class TypeMismatch extends Exception {

    TypeMismatch(String reason) {
        super(reason, null, false, false);
    }

    static TypeMismatch expected(String what, Object value) {
        return new TypeMismatch("expected " + what + ", got " + DeclaredText.kind(value));
    }

    String reason() {
        return getMessage();
    }
}
