package io.etl.lock;

import io.etl.state.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One run of an ETL at a time, across processes: an operating-system lock on {@code locks/<key>.lock}. The lock
 * dies with its process, so a lock left by a killed run is simply taken over (and the previous owner reported).
 * The file is never deleted: deleting it would let two processes lock two different files of the same name.
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<LockOwner> takenOverFrom;

    private RunLock(FileChannel channel, FileLock lock, Optional<LockOwner> takenOverFrom) {
        this.channel = channel;
        this.lock = lock;
        this.takenOverFrom = takenOverFrom;
    }

    /**
     * @throws AlreadyRunningException if another process (or another run in this one) holds it
     */
    public static RunLock acquire(Path directory, String key, LockOwner owner) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(key + ".lock");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            Optional<LockOwner> previous = readOwner(channel);
            if (lock == null) {
                channel.close();
                throw new AlreadyRunningException(key, previous);
            }
            writeOwner(channel, owner);
            return new RunLock(channel, lock, previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + key + " in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The owner recorded by a process that died holding this lock, if any. */
    public Optional<LockOwner> takenOverFrom() {
        return takenOverFrom;
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<LockOwner> readOwner(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0 || size > 64 * 1024) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.read(buffer, 0);
        try {
            return Optional.of(Json.MAPPER.readValue(new String(buffer.array(), StandardCharsets.UTF_8), LockOwner.class));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static void writeOwner(FileChannel channel, LockOwner owner) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(owner)), 0);
        channel.force(false);
    }
}
