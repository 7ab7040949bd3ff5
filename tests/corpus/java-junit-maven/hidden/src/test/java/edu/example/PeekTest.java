package edu.example;

import static org.junit.Assert.assertEquals;

import java.util.NoSuchElementException;
import org.junit.Test;

public class PeekTest {
    @Test
    public void peekKeepsTheTop() {
        IntStack stack = new IntStack();
        stack.push(1);
        stack.push(2);
        assertEquals(2, stack.peek());
        assertEquals(2, stack.size());
    }

    @Test(expected = NoSuchElementException.class)
    public void peekOnEmptyThrows() {
        new IntStack().peek();
    }
}
