namespace GitGrader.Core.Grading.Dependencies;

/// <summary>A package manager an assignment's setup installs with.</summary>
public enum DependencyManager
{
    /// <summary><c>npm install</c>, <c>npm ci</c>: the npm cache is filled, and npm reads only it at grade time.</summary>
    Npm,

    /// <summary><c>pip install</c> (any spelling): installed into the image, so the same command finds it there.</summary>
    Pip,

    /// <summary><c>apt-get install</c>, <c>apt install</c>: installed into the image.</summary>
    Apt,

    /// <summary><c>mvn …</c>: the goals' dependencies are resolved into a local repository Maven reads offline.</summary>
    Maven,
}
