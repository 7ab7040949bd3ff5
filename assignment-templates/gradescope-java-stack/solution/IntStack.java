import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

public class IntStack {
    private final List<Integer> items = new ArrayList<>();

    public void push(int value) {
        items.add(value);
    }

    public int pop() {
        if (items.isEmpty()) {
            throw new NoSuchElementException("the stack is empty");
        }
        return items.remove(items.size() - 1);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
