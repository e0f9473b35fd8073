package io.etl.transform;

import java.io.IOException;

import org.apache.pig.builtin.PigStorage;
import org.apache.pig.data.DataByteArray;
import org.apache.pig.data.Tuple;

/**
 * Loads the lake's TSV: {@code PigStorage('\t')}, except that an empty field stays an empty string. PigStorage
 * reads it as Pig's null, which would reach the warehouse as NULL; in the lake, NULL is written {@code \N}.
 */
public final class LakeStorage extends PigStorage {

    private static final DataByteArray EMPTY = new DataByteArray(new byte[0]);

    public LakeStorage() {
        super("\t");
    }

    @Override
    public Tuple getNext() throws IOException {
        Tuple row = super.getNext();
        if (row != null) {
            for (int i = 0; i < row.size(); i++) {
                if (row.get(i) == null) {
                    row.set(i, EMPTY);
                }
            }
        }
        return row;
    }
}
