package dev.ncmcp.spi;

import java.util.List;
import java.util.Objects;

/** The messages a prompt expands to. */
public record PromptResult(String description, List<Message> messages) {

    public PromptResult {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    }

    public enum Role { USER, ASSISTANT }

    public record Message(Role role, Content content) {
        public Message {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
        }
    }
}
