import java.util.ArrayList;
import java.util.List;

public class IntStack {
    private final List<Integer> items = new ArrayList<>();

    public void push(int value) {
        items.add(value);
    }

    public int pop() {
        // TODO: an empty stack
        return items.isEmpty() ? -1 : items.remove(items.size() - 1);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
