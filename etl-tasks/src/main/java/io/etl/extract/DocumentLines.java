package io.etl.extract;

import java.util.List;

/**
 * What a map task writes of one document: its line, and for each unwound array the lines of its elements (none when
 * the document is rejected).
 */
record DocumentLines(String line, List<List<String>> elements) {
}
