package io.tokenctl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * Build step (exec-maven-plugin, process-classes): writes completion/ and man/ under the given project folder
 * from {@link Cli#build}'s model, so they can never drift from the real flags. Pages of removed commands go.
 */
public final class GenerateDocs {
    private GenerateDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path base = Path.of(args.length > 0 ? args[0] : ".");
        CommandLine root = Cli.build(Context.system());
        Path completion = Files.createDirectories(base.resolve("completion"));
        write(completion.resolve("tokenctl.bash"), CompletionScript.bash(root));
        write(completion.resolve("_tokenctl"), CompletionScript.zsh(root));
        write(completion.resolve("tokenctl.fish"), CompletionScript.fish(root));

        Path man = Files.createDirectories(base.resolve("man"));
        Map<String, String> pages = ManPages.all(root);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(man, "tokenctl*.1")) {
            for (Path p : old) {
                if (!pages.containsKey(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> e : pages.entrySet()) {
            write(man.resolve(e.getKey()), e.getValue());
        }
    }

    /** Writes only when the text changed, so a build leaves unchanged files (and their times) alone. */
    private static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Files.write(file, bytes);
    }
}
