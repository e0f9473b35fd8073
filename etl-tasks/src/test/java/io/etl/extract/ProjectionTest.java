package io.etl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.mongodb.BasicDBObject;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    @Test
    void projects_each_field_path_once_and_leaves_out_paths_inside_another() {
        BasicDBObject projection = Projection.of(List.of("_id", "user.name", "tags", "tags.0", "meta.os"));

        assertEquals(new BasicDBObject("_id", 1).append("user.name", 1).append("tags", 1).append("meta.os", 1), projection);
    }
}
