package io.etl.transform;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pig.impl.util.JarManager;
import org.junit.jupiter.api.Test;

/**
 * Pig's mapreduce mode loads RoaringBitmap relocated under its own package, which the pig jar on Maven Central lacks
 * (module pig-roaringbitmap provides it). A fast guard for what otherwise shows only in the cluster test: the class
 * is on this class path in every Maven phase that runs tests, not only from {@code package} on.
 */
class PigRoaringBitmapTest {

    private static final String RELOCATED = "org.apache.pig.org.roaringbitmap.RoaringBitmap";

    @Test
    void the_relocated_roaring_bitmap_loads_from_a_jar_that_pig_can_ship_to_a_cluster() throws ClassNotFoundException {
        Class<?> bitmap = Class.forName(RELOCATED);

        // Pig ships the jar holding each class it needs, and finds none for a class loaded from a folder
        String jar = JarManager.findContainingJar(bitmap);
        assertNotNull(jar, RELOCATED + " is not loaded from a jar: " + bitmap.getProtectionDomain().getCodeSource());
        assertTrue(jar.contains("pig-roaringbitmap"), jar);
    }
}
