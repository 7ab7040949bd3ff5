package edu.example;

import java.util.NoSuchElementException;

/** A stack of ints on a growing array. */
public class IntStack {
    private int[] items = new int[4];
    private int size;

    public void push(int value) {
        if (size == items.length) {
            items = java.util.Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    public int pop() {
        if (size == 0) {
            throw new NoSuchElementException("pop on an empty stack");
        }
        return items[--size];
    }

    // TODO: peek must not remove the top, and must throw on an empty stack.
    public int peek() {
        return items[size - 1 < 0 ? 0 : size - 1];
    }

    public int size() {
        return size;
    }
}
