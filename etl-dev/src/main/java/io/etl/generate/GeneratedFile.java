package io.etl.generate;

/** One file of a generated ETL: where it goes in the project tree ({@code /}-separated) and what it holds. */
public record GeneratedFile(String path, String text) {
}
