package dev.reservation.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the SPIN model of the booking protocol (docs/model) tied to the code: every
 * {@code Class#method} in the mapping table of docs/model/README.md must exist, and, where
 * {@code spin} and {@code gcc} are installed, the model must verify while the release rule before
 * commit 0880105 ({@code -DOLD_RELEASE}) must not ({@code docs/model/check.sh --quick}).
 */
class ModelMappingTest {
    private static final List<String> PACKAGES = List.of("dev.reservation.mongo.internal.", "dev.reservation.mongo.",
            "dev.reservation.core.service.", "dev.reservation.core.store.");
    private static final Pattern REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9]*)`");

    private static Path modelDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs/model"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a parent directory holding docs/model").isNotNull();
        return dir.resolve("docs/model");
    }

    private static Set<String> mappedMethods() throws IOException {
        List<String> lines = Files.readAllLines(modelDir().resolve("README.md"), StandardCharsets.UTF_8);
        int table = lines.indexOf("## Mapping: model steps to Java");
        assertThat(table).as("the mapping section of docs/model/README.md").isNotNegative();
        Set<String> refs = new LinkedHashSet<>();
        for (String line : lines.subList(table, lines.size())) {
            if (line.startsWith("## ") && !line.startsWith("## Mapping")) {
                break;
            }
            if (!line.startsWith("|")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Matcher m = REFERENCE.matcher(cells[cells.length - 1]);
            while (m.find()) {
                refs.add(m.group(1) + "#" + m.group(2));
            }
        }
        return refs;
    }

    private static Class<?> resolve(String simpleName) {
        for (String pkg : PACKAGES) {
            try {
                return Class.forName(pkg + simpleName);
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return null;
    }

    @Test
    void everyJavaMethodNamedInTheModelsMappingTableExists() throws IOException {
        Set<String> refs = mappedMethods();
        assertThat(refs).as("Class#method references in the mapping table").hasSizeGreaterThanOrEqualTo(20);
        List<String> missing = new ArrayList<>();
        for (String ref : refs) {
            String[] parts = ref.split("#");
            Class<?> type = resolve(parts[0]);
            if (type == null || Arrays.stream(type.getDeclaredMethods()).map(Method::getName).noneMatch(parts[1]::equals)) {
                missing.add(ref);
            }
        }
        assertThat(missing).as("methods named in docs/model/README.md that no longer exist: update the model and its table")
                .isEmpty();
    }

    @Test
    void theModelVerifiesAndTheOldReleaseRuleFails() throws Exception {
        assumeTrue(onPath("spin") && onPath("gcc"), "spin and gcc are not on PATH: the model check of the booking "
                + "protocol needs both (Debian: apt-get install spin gcc)");
        Path log = Files.createTempFile("model-check", ".txt");
        Process check = new ProcessBuilder("bash", modelDir().resolve("check.sh").toString(), "--quick")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = check.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            check.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        assertThat(ended).as("check.sh ended within 10 minutes; output so far:%n%s", output).isTrue();
        assertThat(check.exitValue()).as("check.sh exit code; output:%n%s", output).isZero();
        assertThat(output).contains("current-AB", "as expected: exhaustive, no error", "errors: 0")
                .contains("old-release-AB", "as expected: a counterexample", "assertion violated");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
