Console.WriteLine($"Hello from a Native AOT ContainerOpt sample: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
