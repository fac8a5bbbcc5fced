package ai.evo.core.bootstrap;

public final class Main {
    public static void main(String[] args) {
    }
}
