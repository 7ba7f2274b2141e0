package dev.netlens.discovery.kernel;

import java.io.IOException;

/** The program to run is not installed (or not on the PATH). */
public class CommandNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String program;

    public CommandNotFoundException(String program) {
        super(program + " is not installed");
        this.program = program;
    }

    public String program() {
        return program;
    }
}
