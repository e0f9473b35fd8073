package io.etl.lock;

import java.util.Optional;

/** Another process holds the lock of this ETL. */
public class AlreadyRunningException extends RuntimeException {

    private final transient Optional<LockOwner> owner;

    public AlreadyRunningException(String key, Optional<LockOwner> owner) {
        super(key + " is already running" + owner.map(o -> ": " + o).orElse(""));
        this.owner = owner;
    }

    public Optional<LockOwner> owner() {
        return owner;
    }
}
