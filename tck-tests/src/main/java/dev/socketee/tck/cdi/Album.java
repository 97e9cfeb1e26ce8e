package dev.socketee.tck.cdi;

import java.util.List;
import java.util.Map;

/** Binary deep inside a bound object: records in a list, byte[] as map values. */
public record Album(String title, List<Blob> photos, Map<String, byte[]> thumbs) {
}
