package io.etl.reject;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WidthProposalTest {

    @Test
    void proposes_twice_the_widest_rejected_value_up_to_a_power_of_two_for_each_column_most_rejected_first() {
        List<WidthProposal> proposals = WidthProposal.of(Map.of(
                "note_text: longer than VARCHAR(256): 731 bytes", 2L,
                "note_text: longer than VARCHAR(256): 300 bytes", 1L,
                "city: longer than VARCHAR(16): 17 bytes", 1L,
                "user_id: not a whole number", 5L));

        assertEquals(List.of("note_text VARCHAR(256) → VARCHAR(2048) would fit 3 rejected values (widest 731 bytes)",
                        "city VARCHAR(16) → VARCHAR(64) would fit 1 rejected value (widest 17 bytes)"),
                proposals.stream().map(WidthProposal::line).toList());
    }

    @Test
    void a_value_wider_than_any_varchar_is_said_to_fit_none() {
        assertEquals(List.of("body VARCHAR(4096): no VARCHAR fits 1 rejected value (widest 70,000 bytes, at most 65535): "
                        + "shorten the value in the Pig script or leave the field out"),
                WidthProposal.of(Map.of("body: longer than VARCHAR(4096): 70000 bytes", 1L)).stream().map(WidthProposal::line).toList());
    }
}
