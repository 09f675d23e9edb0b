package dev.ncmcp.spi;

import java.util.Objects;

/** The contents of a resource: text or a base64 blob. */
public sealed interface ResourceContents {

    String uri();

    String mimeType();

    record Text(String uri, String mimeType, String text) implements ResourceContents {
        public Text {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(text, "text");
        }
    }

    record Blob(String uri, String mimeType, String base64Blob) implements ResourceContents {
        public Blob {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(base64Blob, "base64Blob");
        }
    }
}
