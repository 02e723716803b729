package dev.seguito.plugin;

import java.util.List;

/** Everything wrong with a descriptor, one plain sentence per mistake, so an admin can fix them all in one go. */
public final class PluginDescriptorException extends RuntimeException {

    private final List<String> problems;

    public PluginDescriptorException(String source, List<String> problems) {
        super("Invalid plugin descriptor " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
