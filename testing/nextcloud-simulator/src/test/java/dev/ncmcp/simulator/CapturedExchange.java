package dev.ncmcp.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed {@code .http} capture file of the reference folder (format in its README).
 */
record CapturedExchange(String file, String description, String method, String target,
                        Map<String, String> requestHeaders, String requestBody,
                        int status, Map<String, String> responseHeaders, String responseBody) {

    static CapturedExchange parse(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path);
        String description = "";
        String requestLine = null;
        Map<String, String> reqHeaders = new LinkedHashMap<>();
        Map<String, String> resHeaders = new LinkedHashMap<>();
        List<String> reqBody = new ArrayList<>();
        List<String> resBody = new ArrayList<>();
        int status = -1;
        boolean inReqBody = false;
        boolean inResBody = false;
        for (String line : lines) {
            if (line.startsWith("### ")) {
                description = line.substring(4);
            } else if (line.startsWith("#")) {
                continue;
            } else if (line.equals(">") || line.startsWith("> ")) {
                String content = line.length() > 2 ? line.substring(2) : "";
                if (requestLine == null) {
                    requestLine = content;
                } else if (inReqBody) {
                    reqBody.add(content);
                } else if (content.isEmpty()) {
                    inReqBody = true;
                } else {
                    int colon = content.indexOf(':');
                    reqHeaders.put(content.substring(0, colon).trim(), content.substring(colon + 1).trim());
                }
            } else if (line.equals("<") || line.startsWith("< ")) {
                String content = line.length() > 2 ? line.substring(2) : "";
                if (status < 0) {
                    status = Integer.parseInt(content.trim());
                } else if (inResBody) {
                    resBody.add(content);
                } else if (content.isEmpty()) {
                    inResBody = true;
                } else {
                    int colon = content.indexOf(':');
                    resHeaders.put(content.substring(0, colon).trim(), content.substring(colon + 1).trim());
                }
            }
        }
        if (requestLine == null || status < 0) {
            throw new IOException("not a capture file: " + path);
        }
        String[] rl = requestLine.split(" ", 2);
        return new CapturedExchange(path.getFileName().toString(), description, rl[0], rl[1], reqHeaders,
                                    String.join("\n", reqBody), status, resHeaders, String.join("\n", resBody));
    }

    String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
