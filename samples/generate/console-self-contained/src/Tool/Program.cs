Console.WriteLine($"Hello from a self-contained ContainerOpt sample: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
