package dev.netlens.lab;

/** Told before each step of {@code up} or {@code down}, so a window or a terminal can show progress. */
@FunctionalInterface
public interface LabProgress {
    LabProgress NONE = (done, total, message) -> { };

    /**
     * @param done steps finished before this one
     * @param total steps this run will take (an estimate when objects already exist)
     */
    void step(int done, int total, String message);
}
