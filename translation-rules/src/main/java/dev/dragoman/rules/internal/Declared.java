package dev.dragoman.rules.internal;

/** A declaration with where it was made, so that errors about it can point there. */
public record Declared<T>(SourceFile file, String keyPath, String name, T dto) {

    public String where() {
        return file.path().getFileName() + ":" + file.lineOf(keyPath);
    }

    public String at(String key) {
        return KeyPaths.child(keyPath, key);
    }
}
