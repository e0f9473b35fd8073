package io.etl.extract;

import java.util.List;

import com.mongodb.BasicDBObject;

/**
 * {@code mongo.input.fields}: only the fields the ETL reads. A path inside another projected one is left out
 * (MongoDB 4.4+ rejects the collision).
 */
final class Projection {

    private Projection() {
    }

    static BasicDBObject of(List<String> paths) {
        BasicDBObject projection = new BasicDBObject();
        for (String path : paths) {
            if (paths.stream().noneMatch(other -> path.startsWith(other + "."))) {
                projection.put(path, 1);
            }
        }
        return projection;
    }
}
