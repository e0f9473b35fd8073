package io.etl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.etl.spec.Child;
import io.etl.spec.EtlSpec;
import io.etl.spec.FieldType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** The arrays a job unwinds reach its map tasks whole, in the job's configuration, read with this module's classes alone. */
class ChildConfigurationTest {

    @Test
    void the_children_of_a_spec_travel_in_the_job_configuration_whole_whatever_their_paths_hold() throws Exception {
        EtlSpec spec = EtlSpec.named("orders").cursor("at").field("_id", "id", FieldType.STRING).field("at", "at", FieldType.TIMESTAMP)
                .unwind(Child.of("lines", "order.Line Items").field("sku: code", "sku", FieldType.STRING)
                        .field("price|net", "price", FieldType.DECIMAL).build())
                .unwind(Child.values("tags", "tags", "tag", FieldType.STRING))
                .build();
        Configuration conf = new Configuration(false);

        DocumentMapper.configure(conf, spec, true, 1);
        // as a job ships it: its job.xml, read back by the task
        ByteArrayOutputStream jobXml = new ByteArrayOutputStream();
        conf.writeXml(jobXml);
        Configuration shipped = new Configuration(false);
        shipped.addResource(new ByteArrayInputStream(jobXml.toByteArray()));

        assertEquals(spec.children(), shipped.getTrimmedStringCollection(DocumentMapper.CHILDREN).stream()
                .map(DocumentMapper::decode).toList());
        assertEquals(List.of(), new Configuration(false).getTrimmedStringCollection(DocumentMapper.CHILDREN).stream()
                .map(DocumentMapper::decode).toList(), "an ETL unwinding nothing");
    }
}
