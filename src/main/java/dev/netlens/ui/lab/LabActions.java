package dev.netlens.ui.lab;

import java.util.List;

/**
 * What the Lab menu asks of the classroom lab. The window defines this port and the application
 * fills it, so the view itself never talks to an engine. Each call blocks: the view-model runs it
 * in the background.
 */
public interface LabActions {
    /** Told before each step, from the worker thread. */
    @FunctionalInterface
    interface Progress {
        void step(int done, int total, String message);
    }

    /** Builds the lab from an image; returns what was done and what was skipped, one line each. */
    List<String> up(String image, Progress progress) throws Exception;

    /** The image the lab runs unless the user names another. */
    String defaultImage();

    /** Removes exactly the lab's objects; returns what was removed. */
    List<String> down(Progress progress) throws Exception;

    /** The lab's objects on the engine, one line each. */
    List<String> status() throws Exception;

    /** The engine the lab is built on, for the window's title. */
    String endpoint();
}
