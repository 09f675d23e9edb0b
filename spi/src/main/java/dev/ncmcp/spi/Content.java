package dev.ncmcp.spi;

import java.util.Objects;

/** MCP content blocks a tool or prompt can return. */
public sealed interface Content {

    /** Plain text. */
    record Text(String text) implements Content {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An image, base64-encoded. */
    record Image(String base64Data, String mimeType) implements Content {
        public Image {
            Objects.requireNonNull(base64Data, "base64Data");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /** Audio, base64-encoded. */
    record Audio(String base64Data, String mimeType) implements Content {
        public Audio {
            Objects.requireNonNull(base64Data, "base64Data");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /** A resource embedded with its contents. */
    record EmbeddedResource(ResourceContents resource) implements Content {
        public EmbeddedResource {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /** A link to a resource the client may read with {@code resources/read}. */
    record ResourceLink(String uri, String name, String description, String mimeType, Long size) implements Content {
        public ResourceLink {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(name, "name");
        }
    }
}
