package dev.netlens.render;

/** The outline of a shape; the same ones the stylesheet gives the on-screen shapes. */
public enum Outline {
    RECT, ROUNDED, PILL, HEXAGON, PARALLELOGRAM, TAG
}
