package dev.reservation.cli;

import dev.reservation.cli.input.PasswordPrompt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A terminal that answers prompts from a script and records what it was asked; none left = no terminal. */
final class ScriptedPrompt implements PasswordPrompt {
    private final Deque<String> answers;
    final List<String> asked = new ArrayList<>();

    ScriptedPrompt(String... answers) {
        this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public synchronized Optional<char[]> read(String prompt) {
        asked.add(prompt);
        return Optional.ofNullable(answers.poll()).map(String::toCharArray);
    }
}
