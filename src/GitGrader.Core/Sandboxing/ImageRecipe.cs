namespace GitGrader.Core.Sandboxing;

/// <summary>An image to derive from a base image: a Dockerfile and its build context, named by their content.</summary>
/// <param name="Repository">Image repository, e.g. <c>gitgrader-autograder/hello</c>.</param>
/// <param name="BaseImage">The image the Dockerfile starts <c>FROM</c>.</param>
/// <param name="ContentHash">Hash of the Dockerfile and context; with the base image's id it names the tag, so a change rebuilds.</param>
/// <param name="Dockerfile">The Dockerfile text.</param>
/// <param name="Context">Files the Dockerfile copies.</param>
/// <param name="FixHint">What the instructor does when the build fails.</param>
public sealed record ImageRecipe(
    string Repository,
    string BaseImage,
    string ContentHash,
    string Dockerfile,
    StagedTree Context,
    string FixHint = "Fix the autograder's setup.sh (it runs as root in the image, with the package archive reachable), then grade again.");
