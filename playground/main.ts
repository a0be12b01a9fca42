import '../widgets/index.ts';
