package io.etl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.mongodb.BasicDBList;
import com.mongodb.BasicDBObject;
import org.junit.jupiter.api.Test;

class UnmappedFieldProfileTest {

    @Test
    void a_document_leading_to_a_declared_field_is_looked_into_and_a_declared_field_hides_what_is_inside_it() {
        UnmappedFieldProfile profile = UnmappedFieldProfile.declaring(List.of("_id", "device.os", "meta", "tags.0"));
        BasicDBList tags = new BasicDBList();
        tags.add("a");
        BasicDBList items = new BasicDBList();
        items.add(new BasicDBObject("sku", "x"));
        profile.add(new BasicDBObject("_id", "d1").append("device", new BasicDBObject("os", "ios").append("model", "X"))
                .append("meta", new BasicDBObject("source", "web")).append("tags", tags).append("items", items)
                .append("extra", new BasicDBObject()).append("gone", null));

        assertEquals(new UnmappedFields(List.of(
                        new UnmappedField("device.model", List.of("string"), 1, "d1"),
                        new UnmappedField("extra", List.of("object"), 1, "d1"),
                        new UnmappedField("gone", List.of("null"), 1, "d1"),
                        new UnmappedField("items", List.of("array"), 1, "d1")), false),
                profile.result());
    }

    @Test
    void past_the_most_paths_tracked_the_rest_are_left_out_and_the_result_says_so() {
        UnmappedFieldProfile profile = UnmappedFieldProfile.declaring(List.of("_id"));
        BasicDBObject document = new BasicDBObject("_id", 1);
        for (int i = 0; i <= UnmappedFields.MAX_PATHS; i++) {
            document.append("k" + i, i);
        }
        profile.add(document);

        UnmappedFields result = profile.result();
        assertEquals(UnmappedFields.MAX_PATHS, result.fields().size());
        assertTrue(result.capped());
    }

    @Test
    void the_map_tasks_profiles_add_up_keeping_the_first_example_and_every_type() {
        UnmappedFields first = new UnmappedFields(List.of(new UnmappedField("score", List.of("int"), 2, "a")), false);
        UnmappedFields second = new UnmappedFields(List.of(new UnmappedField("score", List.of("string"), 3, "b"),
                new UnmappedField("device", List.of("string"), 4, "c")), false);

        assertEquals(new UnmappedFields(List.of(new UnmappedField("score", List.of("int", "string"), 5, "a"),
                new UnmappedField("device", List.of("string"), 4, "c")), false), UnmappedFields.merge(List.of(first, second)));
    }
}
