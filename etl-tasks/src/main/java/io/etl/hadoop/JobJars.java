package io.etl.hadoop;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.hadoop.mapreduce.Job;

/**
 * What a job on a cluster ships to its containers, as the cluster holds none of our libraries: the jar of the job's
 * own classes, and the libraries they call (through the distributed cache, {@code tmpjars}). Only what the tasks
 * load: never this process's logging, as Hadoop brings its own binding.
 *
 * @param jobJar    the jar holding the mapper (or, for Pig, the functions)
 * @param libraries the other jars its tasks load
 */
public record JobJars(Path jobJar, List<Path> libraries) {

    public JobJars {
        libraries = List.copyOf(libraries);
    }

    /**
     * The jars holding the given classes, the first the job's own. A class loaded from a folder (a build's
     * {@code target/classes}) is packed into a jar in {@code packFolder}, so a run from the build ships as the
     * installed command does.
     */
    static JobJars of(Path packFolder, Class<?> jobClass, List<Class<?>> libraryClasses) {
        Set<Path> libraries = new LinkedHashSet<>();
        Path jobJar = jarOf(jobClass, packFolder);
        libraryClasses.forEach(c -> libraries.add(jarOf(c, packFolder)));
        libraries.remove(jobJar);
        return new JobJars(jobJar, List.copyOf(libraries));
    }

    /** Every jar, the job's own first. */
    public List<Path> all() {
        return Stream.concat(Stream.of(jobJar), libraries.stream()).toList();
    }

    /** Sets the job's jar and puts the libraries on its tasks' class path. */
    public void applyTo(Job job) {
        job.setJar(jobJar.toString());
        job.getConfiguration().set("tmpjars",
                libraries.stream().map(jar -> jar.toUri().toString()).collect(Collectors.joining(",")));
    }

    private static Path jarOf(Class<?> c, Path packFolder) {
        Path location;
        try {
            location = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell which jar holds " + c.getName(), e);
        }
        return Files.isDirectory(location) ? pack(location, packFolder) : location;
    }

    /** Packs a class folder into {@code <folder>/<module>.jar}, afresh each time: the build may have changed it. */
    private static Path pack(Path classes, Path packFolder) {
        Path jar = packFolder.resolve(classes.getParent().getFileName() + "-" + classes.getFileName() + ".jar");
        try (Stream<Path> files = Files.walk(classes)) {
            Files.createDirectories(packFolder);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new IllegalStateException("cannot pack " + classes + " into " + jar + " to ship it to the cluster", e);
        }
    }
}
