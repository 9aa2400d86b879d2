package dev.dragoman.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written to while the maps are read is noticed, however it changed (issue 12, finding 12). */
class FileStampsTests {

    @TempDir
    Path dir;

    final FileStamps stamps = new FileStamps();

    @Test
    void aFileLeftAloneHasNotChanged() throws IOException {
        Path file = Files.writeString(dir.resolve("games.yaml"), "contexts: {}\n");

        stamps.before(file);

        assertThat(stamps.changed()).isEmpty();
    }

    @Test
    void aFileThatGrewWhileTheMapsWereReadHasChanged() throws IOException {
        Path file = Files.writeString(dir.resolve("games.yaml"), "contexts:\n");
        stamps.before(file);

        Files.writeString(file, "  shop: {}\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(stamps.changed()).containsExactly(file);
    }

    @Test
    void aFileRewrittenToTheSameSizeHasChanged_byItsModificationTime() throws IOException {
        Path file = Files.writeString(dir.resolve("games.csv"), "a.code\n1\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        stamps.before(file);

        Files.writeString(file, "a.code\n2\n");

        assertThat(stamps.changed()).containsExactly(file);
    }

    @Test
    void aFileReplacedByARenameHasChanged_evenWithTheSameSizeAndTime() throws IOException {
        Path file = Files.writeString(dir.resolve("games.csv"), "a.code\n1\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        stamps.before(file);
        Path next = Files.writeString(dir.resolve("games.csv.tmp"), "a.code\n2\n");
        Files.setLastModifiedTime(next, FileTime.fromMillis(1_000_000));

        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(FileStamps.stamp(file).key()).as("this file system names files by inode").isNotNull();
        assertThat(stamps.changed()).containsExactly(file);
    }

    @Test
    void aFileDeletedWhileTheMapsWereReadHasChanged() throws IOException {
        Path file = Files.writeString(dir.resolve("games.yaml"), "contexts: {}\n");
        stamps.before(file);

        Files.delete(file);

        assertThat(stamps.changed()).containsExactly(file);
    }

    @Test
    void theFirstStampOfAFileCounts() throws IOException {
        Path file = Files.writeString(dir.resolve("games.yaml"), "contexts:\n");
        stamps.before(file);
        Files.writeString(file, "contexts: {}\n");

        stamps.before(file);

        assertThat(stamps.changed()).containsExactly(file);
    }
}
