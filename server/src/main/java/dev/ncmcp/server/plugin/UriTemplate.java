package dev.ncmcp.server.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches URIs against an RFC 6570 level-1 template: {@code {name}} matches one path segment,
 * {@code {+name}} (reserved expansion) any remaining text.
 */
final class UriTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\+?)([A-Za-z0-9_]+)}");

    private final Pattern pattern;
    private final List<String> names;

    UriTemplate(String template) {
        StringBuilder regex = new StringBuilder();
        List<String> variableNames = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(template);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start())));
            regex.append(matcher.group(1).isEmpty() ? "([^/?#]+)" : "(.+)");
            variableNames.add(matcher.group(2));
            last = matcher.end();
        }
        if (variableNames.isEmpty()) {
            throw new IllegalArgumentException("URI template without variables: " + template);
        }
        regex.append(Pattern.quote(template.substring(last)));
        this.pattern = Pattern.compile(regex.toString());
        this.names = List.copyOf(variableNames);
    }

    Optional<Map<String, String>> match(String uri) {
        Matcher matcher = pattern.matcher(uri);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            variables.put(names.get(i), matcher.group(i + 1));
        }
        return Optional.of(variables);
    }
}
